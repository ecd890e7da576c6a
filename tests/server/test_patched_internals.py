"""The Voila, Jupyter Server, tornado and ipykernel internals that explorer/server/hooks.py patches
or reads exist under the pinned versions: an upgrade that moves one fails here, loudly, instead
of silently switching a guard off."""

from __future__ import annotations

import importlib
import inspect

import pytest

PATCHED = [
    # (module, attribute path, what we rely on)
    ("voila.handler", "VoilaHandler.get_generator", "asyncgen"),
    ("voila.app", "KernelHandler", "class"),
    ("voila.request_info_handler", "RequestInfoSocketHandler.get", "callable"),
    ("voila.request_info_handler", "RequestInfoSocketHandler.on_close", "callable"),
    ("voila.request_info_handler", "RequestInfoSocketHandler._waiters", "dict"),
    ("voila.tornado.kernel_websocket_handler", "read_header_from_binary_message", "callable"),
    (
        "voila.tornado.kernel_websocket_handler",
        "VoilaKernelWebsocketHandler.write_message",
        "callable",
    ),
    ("voila.static_file_handler", "TemplateStaticFileHandler.parse_url_path", "callable"),
    ("jupyter_server.services.kernels.websocket", "KernelWebsocketHandler.get", "callable"),
    ("jupyter_server.services.kernels.websocket", "KernelWebsocketHandler.open", "coroutine"),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.handle_incoming_message",
        "callable",
    ),
    (
        "jupyter_server.services.kernels.connection.channels",
        "ZMQChannelsWebsocketConnection.subprotocol",
        "property",
    ),
    (
        "jupyter_server.services.kernels.kernelmanager",
        "MappingKernelManager.cull_kernel_if_idle",
        "coroutine",
    ),
    ("jupyter_server.auth.logout", "LogoutHandler.get", "callable"),
    ("jupyter_server.base.handlers", "JupyterHandler.write_error", "callable"),
    ("tornado.web", "RequestHandler._get_raw_xsrf_token", "callable"),
    ("tornado.web", "RequestHandler._decode_xsrf_token", "callable"),
    ("tornado.websocket", "WebSocketHandler.max_message_size", "property"),
    # the pool refill (patch_pool_refill)
    ("voila.voila_kernel_manager", "wait_before", "callable"),
    ("voila.app", "voila_kernel_manager_factory", "callable"),
    # the app kernel's settings (explorer/server/kernel.py: no_echo reads and sets this flag)
    ("ipywidgets.widgets.widget", "JUPYTER_WIDGETS_ECHO", "bool"),
]


def test_voila_refills_its_pool_through_wait_before_and_takes_the_front_kernel():
    # patch_pool_refill replaces the module's `wait_before` (fill_if_needed reads that global)
    # and wraps get_rendered_notebook, which takes pool[0]
    import voila.voila_kernel_manager as vkm

    source = inspect.getsource(vkm.voila_kernel_manager_factory)
    assert "wait_before(" in source and ".pop(0)" in source


def _resolve(module: str, path: str):
    obj = importlib.import_module(module)
    for part in path.split("."):
        obj = inspect.getattr_static(obj, part) if inspect.isclass(obj) else getattr(obj, part)
    return obj


@pytest.mark.parametrize(("module", "path", "kind"), PATCHED, ids=[p for _, p, _ in PATCHED])
def test_a_patched_internal_is_where_the_patch_expects_it(module, path, kind):
    obj = _resolve(module, path)
    if isinstance(obj, staticmethod | classmethod):
        obj = obj.__func__
    checks = {
        "asyncgen": inspect.isasyncgenfunction,
        "coroutine": inspect.iscoroutinefunction,
        "callable": callable,
        "class": inspect.isclass,
        "dict": lambda o: isinstance(o, dict),
        "property": lambda o: isinstance(o, property),
        "bool": lambda o: isinstance(o, bool),
    }
    assert checks[kind](obj), f"{module}.{path} is no longer a {kind}"


def test_the_v1_parser_we_guard_still_trusts_its_offset_count():
    # A 16-byte frame that declares 100,000 offsets: upstream builds that many parts. If this ever
    # fails, upstream checks the count itself (our guard stays right; re-read the function).
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    _, parts = deserialize_msg_from_ws_v1((10**5).to_bytes(8, "little") + bytes(8))
    assert len(parts) == 10**5 - 2
