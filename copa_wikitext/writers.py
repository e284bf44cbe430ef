"""Writers: a season model -> text, through the Jinja2 templates in `templates/`.

Each output format is one registry line: a template file and a function that
prepares the values the template lays out (`context/<format>.py`). Writers
never see the source text. Bundled templates run in a plain environment,
compiled once per process; a user's `--template` runs sandboxed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import TemplateError
from .model import Season
from .resources import templates_dir

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class OutputFormat:
    name: str
    template: str
    context_module: str
    description: str
    extension: str

    def context(self, season: Season) -> dict[str, Any]:
        build: Callable[[Season], dict[str, Any]] = self._module().context
        return build(season)

    def finish(self, text: str, season: Season) -> str:
        """Whole-text touches after the template: line ends, the file's ending."""
        finish: Callable[[str, Season], str] | None = getattr(self._module(), "finish", None)
        return finish(text, season) if finish else text

    def dropped(self, season: Season) -> list[str]:
        """Facts of `season` this format cannot hold, one sentence each."""
        dropped: Callable[[Season], list[str]] | None = getattr(self._module(), "dropped", None)
        return dropped(season) if dropped else []

    def variables(self) -> dict[str, str]:
        """The names the template receives, with what each holds."""
        variables: dict[str, str] = getattr(self._module(), "VARIABLES", {})
        return variables

    def _module(self) -> Any:
        return import_module(f"copa_wikitext.context.{self.context_module}")


FORMATS: dict[str, OutputFormat] = {
    fmt.name: fmt
    for fmt in (
        OutputFormat("wikitext", "wikitext.j2", "wikitext", "the article dialect of the seed", ".txt"),
        OutputFormat("mediawiki", "mediawiki.j2", "mediawiki", "MediaWiki source, as editors edit it", ".wiki"),
        OutputFormat("markdown", "markdown.j2", "markdown", "GitHub-flavoured Markdown for people to read", ".md"),
        OutputFormat("json", "json.j2", "json", "the season model as JSON (see `schema`)", ".json"),
    )
}


def write(season: Season, fmt: str, template: Path | None = None) -> str:
    """`season` as text in `fmt`, through the bundled template or `template`."""
    output = FORMATS[fmt]
    values = output.context(season)
    if template is None:
        text = _render(_bundled(output.template), values, output.template)
    else:
        text = _render(_user_template(str(template)), values, str(template))
    return output.finish(text, season)


def _render(template: jinja2.Template, values: dict[str, Any], name: str) -> str:
    import jinja2

    try:
        return template.render(values)
    except jinja2.exceptions.SecurityError as error:
        raise TemplateError(f"template {name} tried something unsafe: {error}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"template {name}, line {_template_line(error, name)}: {error}") from None


def _template_line(error: BaseException, name: str) -> str:
    """The failing template line, from the frames jinja2 rewrote for us."""
    traceback = error.__traceback__
    line = "?"
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(Path(name).name):
            line = str(traceback.tb_lineno)
        traceback = traceback.tb_next
    return line


@lru_cache(maxsize=None)
def _bundled(name: str) -> jinja2.Template:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    _add_filters(environment)
    return environment.get_template(name)


@lru_cache(maxsize=16)
def _user_template(path: str) -> jinja2.Template:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from .errors import UsageError

    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read template {path}: {error}") from None
    environment = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    _add_filters(environment)
    try:
        return environment.from_string(source, template_class=None)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"template {path}, line {error.lineno}: {error.message}") from None


def _add_filters(environment: jinja2.Environment) -> None:
    from .jsondoc import dumps

    environment.filters["to_json"] = dumps
