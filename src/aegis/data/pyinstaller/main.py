"""The main script of every app AEGIS packages: runs the app's own module as this `__main__`.

The app is stored in the archive as the module `aegis_app`; keeping this script the same for every build
lets PyInstaller reuse its analysis when only the app's code changed. The app's code runs in this module's
namespace, as a script would: `__name__` is "__main__", `__file__` is its path inside the package and
`sys.argv` is untouched (argv[0] stays the executable).
"""

from importlib.util import find_spec

_spec = find_spec("aegis_app")
assert _spec is not None and _spec.loader is not None and _spec.origin is not None
_code = _spec.loader.get_code("aegis_app")  # type: ignore[attr-defined]
__file__ = _spec.origin
del find_spec, _spec
exec(_code, globals())
