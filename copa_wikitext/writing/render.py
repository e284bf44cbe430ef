"""The Jinja2 engine every writer runs through: a season model -> text.

Each format's writer (`formats/<name>/writer.py`) prepares the values its
template in `templates/` lays out; this module renders them. Writers never
see the source text. Bundled templates run in a plain environment, compiled
once per process; a user's `--template` runs sandboxed. Template failures
become one `TemplateError` naming the template's file and line.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CopaError, TemplateError
from ..model import Season
from ..resources import cache_dir, templates_dir

if TYPE_CHECKING:
    import jinja2


def write(season: Season, fmt: str, template: Path | None = None) -> str:
    """`season` as text in `fmt`, through the bundled template or `template`."""
    from ..formats import WRITERS

    output = WRITERS[fmt]
    output.check(season)
    values = output.context(season)
    if template is None:
        text = _render(_bundled(output.bundled_template), values, output.bundled_template)
    else:
        text = _render(_user_template(str(template)), values, str(template))
    return output.finish(text, season)


def _render(template: jinja2.Template, values: dict[str, Any], name: str) -> str:
    """Render, turning any failure inside the template into one TemplateError.

    The error names the template's file and line; for a user's template any
    exception is the template's doing (a division by zero, a bad call), so
    none of them reaches the user as a traceback.
    """
    import jinja2

    try:
        return template.render(values)
    except CopaError:
        raise
    except jinja2.TemplateNotFound as error:
        what = f"a template cannot include, import or extend other files ({error.name!r})"
        raise _template_error(error, template, name, what) from None
    except jinja2.exceptions.SecurityError as error:
        raise _template_error(error, template, name, f"unsafe: {error}") from None
    except jinja2.UndefinedError as error:
        hint = "`copa-wikitext templates` lists the variables each format's template receives"
        raise _template_error(error, template, name, str(error), hint) from None
    except jinja2.TemplateError as error:
        raise _template_error(error, template, name, str(error)) from None
    except Exception as error:
        raise _template_error(error, template, name, f"{type(error).__name__}: {error}") from None


def _template_error(
    error: BaseException, template: jinja2.Template, name: str, what: str, hint: str | None = None
) -> TemplateError:
    line = _template_line(error, template.filename or name)
    return TemplateError(what, source=f"{name}:{line}" if line else name, hint=hint)


def _template_line(error: BaseException, filename: str) -> int | None:
    """The innermost template line in the traceback jinja2 rewrote for us."""
    traceback = error.__traceback__
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == filename:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


@cache
def _bundled(name: str) -> jinja2.Template:
    """A bundled template, compiled once per process and cached on disk across processes."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(),
    )
    _add_filters(environment)
    return environment.get_template(name)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """jinja2's compiled templates in the user's cache, if there is one to write to."""
    import jinja2

    try:
        directory = cache_dir() / "jinja"
        directory.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):
        return None
    return jinja2.FileSystemBytecodeCache(str(directory))


def _user_template(path: str) -> jinja2.Template:
    """The user's template at `path`, compiled in the sandbox.

    The sandbox blocks attributes that lead to Python internals (`__class__`,
    `__globals__`, ...), its loader knows no file but this one (no include,
    import or extends), and it refuses arithmetic that would build huge
    values. It guards data, not time: a template can still loop for long.
    """
    from ..errors import FileError

    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FileError(f"cannot read template: {error}", source=path) from None
    return _compile_user_template(path, source)


@lru_cache(maxsize=16)
def _compile_user_template(path: str, source: str) -> jinja2.Template:
    import jinja2

    environment = _sandbox_class()(
        loader=jinja2.FunctionLoader(lambda name: (source, path, lambda: True) if name == path else None),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.globals.pop("lipsum", None)  # text of any length on request
    _add_filters(environment)
    try:
        return environment.get_template(path)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(error.message or "syntax error", source=f"{path}:{error.lineno}") from None


#: Largest string or list a user template may build by `*`, and largest power.
_MAX_REPEAT = 1_000_000
_MAX_EXPONENT = 1_000


@lru_cache(maxsize=1)
def _sandbox_class() -> type[jinja2.Environment]:
    from jinja2.exceptions import SecurityError
    from jinja2.runtime import Context
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                raise SecurityError(f"a power above {_MAX_EXPONENT} is not allowed")
            if operator == "*" and _repeat_size(left, right) > _MAX_REPEAT:
                raise SecurityError(f"a repetition longer than {_MAX_REPEAT} is not allowed")
            return super().call_binop(context, operator, left, right)

    return Sandbox


def _repeat_size(left: Any, right: Any) -> int:
    for sized, count in ((left, right), (right, left)):
        if isinstance(sized, str | list | tuple) and isinstance(count, int):
            return len(sized) * count
    return 0


def _add_filters(environment: jinja2.Environment) -> None:
    from ..formats.json.syntax import dumps
    from ..formats.markdown.syntax import md_escape

    environment.filters["to_json"] = dumps
    environment.filters["md_escape"] = md_escape
