"""The Jinja2 engine every writer runs through: a season model -> text.

Each format's writer (`formats/<name>/writer.py`) prepares the values its
template in `templates/` lays out; this module renders them. Writers never
see the source text. Bundled templates run in a plain environment, compiled
once per process; a user's `--template` runs sandboxed. Template failures
become one `TemplateError` naming the template's file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CopaError, TemplateError
from ..model import Season
from ..resources import cache_dir, templates_dir

if TYPE_CHECKING:
    import jinja2


#: Wall-clock seconds a user's template may render for, unless told otherwise.
TEMPLATE_TIMEOUT = 10.0
#: Most characters a user's template may write, or build into one string.
MAX_OUTPUT = 64 * 1024 * 1024


def write(
    season: Season,
    fmt: str,
    template: Path | None = None,
    options: Mapping[str, Any] | None = None,
    timeout: float = TEMPLATE_TIMEOUT,
) -> str:
    """`season` as text in `fmt`, through the bundled template or `template`; `options` for its writer.

    A user's `template` renders within `timeout` seconds of wall-clock time
    and `MAX_OUTPUT` characters (see `_time_limit` and `_sized`).
    """
    from ..formats import WRITERS

    output = WRITERS[fmt]
    output.check(season)
    values = output.context(season, options)
    plain = _one_value(output.bundled_template) if template is None else None
    if plain is not None:
        text = plain(values)
    elif template is None:
        text = _render(_bundled(output.bundled_template), values, output.bundled_template)
    else:
        with _time_limit(timeout, str(template)):
            text = _render(_user_template(str(template)), values, str(template), limited=True)
    return output.finish(text, season)


def render_bundled(name: str, values: dict[str, Any]) -> str:
    """The bundled template `name` rendered over `values` (a writer laying out one part alone)."""
    return _render(_bundled(name), values, name)


class _TimeUp(Exception):
    """Raised inside a user's template when its time is up."""


@contextmanager
def _time_limit(seconds: float, name: str) -> Iterator[None]:
    """Stop a user's template after `seconds` of wall-clock time, with a TemplateError.

    A SIGALRM timer interrupts the render between two Python steps, which is
    where a Jinja loop spends its time (single huge string operations are
    bounded by size instead, in the sandbox). Signals reach only the main
    thread, so elsewhere (a library caller's thread) no time limit applies.
    """
    import signal  # here: only a user's template is timed, and the bundled ones are most runs
    import threading

    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def time_up(signum: int, frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TimeUp:
        raise TemplateError(
            f"still rendering after {seconds:g} s", source=name, hint="simplify the template or pass --template-timeout"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _sized(chunks: Iterator[str], name: str) -> str:
    """The rendered text, refused once it passes MAX_OUTPUT characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateError(f"writes more than {MAX_OUTPUT} characters", source=name)
        parts.append(chunk)
    return "".join(parts)


def _render(template: jinja2.Template, values: dict[str, Any], name: str, limited: bool = False) -> str:
    """Render, turning any failure inside the template into one TemplateError.

    The error names the template's file and line; for a user's template any
    exception is the template's doing (a division by zero, a bad call), so
    none of them reaches the user as a traceback.
    """
    import jinja2

    try:
        return _sized(template.generate(values), name) if limited else template.render(values)
    except (CopaError, _TimeUp):
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


#: A template that is one value through one filter, after an optional `{#- ... -#}` comment.
_ONE_VALUE = re.compile(r"(?:\{#-(?:(?!#\}).)*-#\}\s*)?\{\{ (\w+) \| (\w+) \}\}(\n?)", re.DOTALL)


@cache
def _one_value(name: str) -> Callable[[dict[str, Any]], str] | None:
    """The bundled template `name` as a plain function, if it is one value through one filter.

    Such a template (`json.j2`: `{{ document | to_json }}`) gives the same
    text as the filter's result plus the template's final newline, so it is
    written without importing Jinja2, which costs more than the rest of a
    short run. The template file is read and matched once per process, so
    an edited template is rendered by Jinja2 as written from the next run.
    """
    try:
        source = (templates_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return None
    match = _ONE_VALUE.fullmatch(source)
    filters = _filters()
    if match is None or match[2] not in filters:
        return None
    variable, apply, ending = match[1], filters[match[2]], match[3]

    def render(values: dict[str, Any]) -> str:
        if variable not in values:
            return _render(_bundled(name), values, name)  # let Jinja2 report it
        return f"{apply(values[variable])}{ending}"

    return render


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
    environment.filters["replace"] = _sized_replace
    try:
        return environment.get_template(path)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(error.message or "syntax error", source=f"{path}:{error.lineno}") from None
    except RecursionError:
        raise TemplateError("nested too deeply to compile", source=path, hint="flatten the expression") from None
    except Exception as error:  # Python's own limits on the compiled code: nested blocks, ...
        what = f"cannot compile: {type(error).__name__}: {getattr(error, 'msg', None) or error}"
        raise TemplateError(what, source=path, hint="flatten the nesting") from None


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

        def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            if _call_size(__obj, args) > MAX_OUTPUT:
                raise SecurityError(f"a string longer than {MAX_OUTPUT} characters is not allowed")
            result = super().call(__context, __obj, *args, **kwargs)
            if isinstance(result, str | list | tuple) and len(result) > MAX_OUTPUT:
                raise SecurityError(f"a value longer than {MAX_OUTPUT} is not allowed")
            return result

    return Sandbox


def _call_size(method: Any, args: tuple[Any, ...]) -> int:
    """How long the string a str method would build is, for the methods that can grow one."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return 0
    name = getattr(method, "__name__", "")
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        return len(owner) + owner.count(args[0]) * max(len(args[1]) - len(args[0]), 0) if args[0] else 0
    if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        return args[0]
    if name == "expandtabs":
        return len(owner) * (args[0] if args and isinstance(args[0], int) else 8)
    return 0


def _repeat_size(left: Any, right: Any) -> int:
    for sized, count in ((left, right), (right, left)):
        if isinstance(sized, str | list | tuple) and isinstance(count, int):
            return len(sized) * count
    return 0


def _sized_replace(text: Any, old: Any, new: Any, count: int | None = None) -> str:
    """jinja2's `replace` filter, refusing a result longer than MAX_OUTPUT."""
    from jinja2.exceptions import SecurityError

    whole, before, after = str(text), str(old), str(new)
    if before and len(whole) + whole.count(before) * max(len(after) - len(before), 0) > MAX_OUTPUT:
        raise SecurityError(f"a string longer than {MAX_OUTPUT} characters is not allowed")
    return whole.replace(before, after, -1 if count is None else count)


def _filters() -> dict[str, Callable[..., Any]]:
    from ..formats.json.syntax import dumps
    from ..formats.markdown.syntax import md_escape

    return {"to_json": dumps, "md_escape": md_escape}


def _add_filters(environment: jinja2.Environment) -> None:
    environment.filters.update(_filters())
