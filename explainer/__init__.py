"""The explainer site's content library: load, check and render the content under docs/ and data/.

Everything here is plain functions over data; the MkDocs hooks in overrides/hooks/ and the
command-line scripts in scripts/ are thin wrappers around it.
"""
