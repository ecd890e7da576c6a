"""Drift: the upstream names the explorer's serving code patches, subclasses or reads exist as the
code expects under the installed versions. An upgrade that moves one fails here, loudly, instead
of silently switching a guard off.

- `test_the_patches_are_exactly_the_documented_ones`: the inventory. Applying `patches.apply`
  replaces exactly the attributes `patches.PATCHED` lists (at most 6), each with the upstream
  signature it was written against.
- The extension points (subclassed methods, traits and settings) and the private names read
  (each one pinned).
"""

from __future__ import annotations

import importlib
import inspect

import pytest

from explorer.server import patches

MAX_PATCHES = 6

#: Upstream modules whose attributes a patch could replace.
WATCHED = [
    "voila.app",
    "voila.handler",
    "voila.request_info_handler",
    "voila.shutdown_kernel_handler",
    "voila.static_file_handler",
    "voila.tornado.handler",
    "voila.tornado.kernel_websocket_handler",
    "voila.voila_kernel_manager",
    "jupyter_server.auth.logout",
    "jupyter_server.base.handlers",
    "jupyter_server.services.kernels.connection.channels",
    "jupyter_server.services.kernels.kernelmanager",
    "jupyter_server.services.kernels.websocket",
    "tornado.web",
    "tornado.websocket",
]


def _snapshot() -> dict[tuple[str, str], int]:
    """id() of every module attribute and class attribute of the watched modules."""
    seen = {}
    for name in WATCHED:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            seen[(name, attr)] = id(value)
            if inspect.isclass(value) and value.__module__ == name:
                for member, inner in vars(value).items():
                    seen[(name, f"{attr}.{member}")] = id(inner)
    return seen


def test_the_patches_are_exactly_the_documented_ones(monkeypatch):
    import voila.voila_kernel_manager as vkm

    if patches.ORIGINALS:  # an earlier test applied them: start from upstream's objects
        for (module, attr), original in patches.ORIGINALS.items():
            monkeypatch.setattr(importlib.import_module(module), attr, original)
    assert vkm.wait_before is not None
    before = _snapshot()
    patches.apply()
    after = _snapshot()
    changed = {key for key in before if after.get(key) != before[key]}
    documented = {(module, attr) for module, attr, _ in patches.PATCHED}
    assert changed == documented
    assert len(documented) <= MAX_PATCHES


@pytest.mark.parametrize(("module", "attr", "expected"), patches.PATCHED)
def test_a_patched_name_keeps_the_signature_its_patch_was_written_against(module, attr, expected):
    assert patches.signature(module, attr) == expected


def test_voila_refills_its_pool_through_wait_before_and_takes_the_front_kernel():
    # patches.patch_pool_refill replaces the module's `wait_before` (fill_if_needed reads that
    # global) and kernels.pooled wraps get_rendered_notebook, which takes pool[0]
    import voila.voila_kernel_manager as vkm

    source = inspect.getsource(vkm.voila_kernel_manager_factory)
    assert "wait_before(" in source and ".pop(0)" in source


def _resolve(module: str, path: str):
    obj = importlib.import_module(module)
    for part in path.split("."):
        obj = inspect.getattr_static(obj, part) if inspect.isclass(obj) else getattr(obj, part)
    return obj


#: (module, attribute path, what the explorer relies on, its parameters or None): methods its
#: subclasses override or call, traits and settings it sets, and the private names it reads.
RELIED_ON = [
    ("voila.handler", "VoilaHandler.get_generator", "asyncgen", "self, path"),
    ("voila.app", "Voila.init_handlers", "callable", "self"),
    ("voila.app", "Voila.init_settings", "callable", "self"),
    ("voila.app", "Voila.kernel_websocket_connection_class", "trait", None),
    ("voila.app", "Voila.tornado_settings", "trait", None),
    ("voila.configuration", "VoilaConfiguration.multi_kernel_manager_class", "trait", None),
    ("voila.request_info_handler", "RequestInfoSocketHandler.get", "callable", None),
    ("voila.request_info_handler", "RequestInfoSocketHandler.on_close", "callable", "self"),
    ("voila.request_info_handler", "RequestInfoSocketHandler._waiters", "dict", None),
    (
        "voila.static_file_handler",
        "TemplateStaticFileHandler.parse_url_path",
        "callable",
        "self, path",
    ),
    (
        "voila.shutdown_kernel_handler",
        "VoilaShutdownKernelHandler.check_xsrf_cookie",
        "callable",
        None,
    ),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.handle_incoming_message",
        "callable",
        "self, incoming_msg",
    ),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.handle_outgoing_message",
        "callable",
        "self, stream, outgoing_msg",
    ),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.write_message",
        "property",
        None,
    ),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.prepare",
        "coroutine",
        "self",
    ),
    (
        "jupyter_server.services.kernels.kernelmanager",
        "MappingKernelManager.start_buffering",
        "callable",
        "self, kernel_id, session_key, channels",
    ),
    (
        "jupyter_server.services.kernels.kernelmanager",
        "MappingKernelManager.buffer_offline_messages",
        "trait",
        None,
    ),
    (
        "jupyter_server.services.kernels.kernelmanager",
        "MappingKernelManager._kernel_buffers",
        "trait",
        None,
    ),
    (
        "jupyter_server.services.kernels.kernelmanager",
        "MappingKernelManager.cull_kernel_if_idle",
        "coroutine",
        "self, kernel_id",
    ),
    ("jupyter_server.serverapp", "ServerApp.kernel_manager_class", "trait", None),
    # a stopping server ends once its cleanup ran (explorer/server/stopping.py): Jupyter Server
    # cleans up in `_stop` before it stops the loop `start_ioloop` runs; Voila in `stop`, after
    # the loop `listen` runs (the current one) has stopped
    ("jupyter_server.serverapp", "ServerApp.start_ioloop", "callable", "self"),
    ("jupyter_server.serverapp", "ServerApp._stop", "coroutine", "self"),
    ("voila.app", "Voila.listen", "callable", "self"),
    ("voila.app", "Voila.stop", "callable", "self"),
    ("jupyter_server.serverapp", "ServerApp.kernel_websocket_connection_class", "trait", None),
    ("jupyter_server.base.handlers", "JupyterHandler.content_security_policy", "property", None),
    ("tornado.web", "RequestHandler._get_raw_xsrf_token", "callable", "self"),
    ("tornado.web", "RequestHandler._decode_xsrf_token", "callable", None),
    ("tornado.web", "RequestHandler.set_cookie", "callable", None),
    ("tornado.websocket", "WebSocketHandler.max_message_size", "property", None),
    ("ipywidgets.widgets.widget", "JUPYTER_WIDGETS_ECHO", "bool", None),
]


@pytest.mark.parametrize(
    ("module", "path", "kind", "sig"), RELIED_ON, ids=[p for _, p, _, _ in RELIED_ON]
)
def test_a_name_the_explorer_relies_on_is_where_it_expects_it(module, path, kind, sig):
    from traitlets import TraitType

    obj = _resolve(module, path)
    if isinstance(obj, staticmethod | classmethod):
        obj = obj.__func__
    checks = {
        "asyncgen": inspect.isasyncgenfunction,
        "coroutine": inspect.iscoroutinefunction,
        "callable": callable,
        "dict": lambda o: isinstance(o, dict),
        "property": lambda o: isinstance(o, property),
        "bool": lambda o: isinstance(o, bool),
        "trait": lambda o: isinstance(o, TraitType),
    }
    assert checks[kind](obj), f"{module}.{path} is no longer a {kind}"
    if sig is not None:
        assert ", ".join(inspect.signature(obj).parameters) == sig, "its parameters changed"


def test_tornado_reads_the_websocket_frame_limit_from_its_settings():
    from tornado.websocket import WebSocketHandler

    source = inspect.getsource(WebSocketHandler.max_message_size.fget)
    assert '"websocket_max_message_size"' in source


def test_voila_builds_its_pool_class_on_the_configured_kernel_manager_class():
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    from explorer.server.kernels import ExplorerKernelManager, pooled

    cls = voila_kernel_manager_factory(ExplorerKernelManager, True, 2)
    assert issubclass(pooled(cls), ExplorerKernelManager)
    assert inspect.signature(cls.get_rendered_notebook).parameters.keys() >= {
        "notebook_name",
        "extra_kernel_env_variables",
    }


def test_the_v1_parser_we_guard_still_trusts_its_offset_count():
    # A 16-byte frame that declares 100,000 offsets: upstream builds that many parts. If this ever
    # fails, upstream checks the count itself (our guard stays right; re-read the function).
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    _, parts = deserialize_msg_from_ws_v1((10**5).to_bytes(8, "little") + bytes(8))
    assert len(parts) == 10**5 - 2
