"""Where things are and which languages exist, read from mkdocs.yml: never from the working directory."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Site:
    root: Path  # the folder that holds mkdocs.yml
    docs_dir: Path
    data_dir: Path
    languages: tuple[str, ...]  # the default language first
    site_url: str
    repo_url: str
    edit_uri: str

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @classmethod
    def from_mkdocs(cls, config) -> "Site":
        """From a loaded MkDocs configuration (what hooks receive)."""
        root = Path(config.config_file_path).resolve().parent
        languages = config.plugins["i18n"].config.languages
        ordered = sorted(languages, key=lambda lang: not lang.default)
        return cls(
            root=root,
            docs_dir=Path(config.docs_dir).resolve(),
            data_dir=root / "data",
            languages=tuple(lang.locale for lang in ordered),
            site_url=config.site_url or "",
            repo_url=(config.repo_url or "").rstrip("/"),
            edit_uri=config.edit_uri or "",
        )

    @classmethod
    def load(cls, config_file: Path) -> "Site":
        """Read mkdocs.yml the way MkDocs does (so !ENV and plugin defaults apply)."""
        from mkdocs.config import load_config

        return cls.from_mkdocs(load_config(config_file=str(config_file)))

    @lru_cache(maxsize=None)  # asked for every file on every check; resolving a path reads the disk
    def rel(self, path: Path) -> str:
        """A path as shown in messages: relative to the project root."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0] in RIGHT_TO_LEFT else "ltr"
