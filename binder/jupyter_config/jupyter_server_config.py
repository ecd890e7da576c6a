# Binder serves the app through Voila's server extension (/voila/render/...), inside Jupyter Server.
# binder/start puts this directory on JUPYTER_CONFIG_PATH, so Jupyter Server runs this file.
from explorer.server import hooks

# The page sets the _xsrf cookie, so closing the tab shuts its kernel down (Voila #1458): without
# it every reload in a student's Binder leaks a ~120 MB kernel into a pod with a small memory limit.
# Every kernel-websocket frame is checked before Jupyter Server parses it
# (explorer/server/wsguard.py).
# The app page (/voila/render/..., and only it) may be framed by any site (frame-ancestors *), and
# the cookies it sets are partitioned (SameSite=None; Secure; Partitioned) behind Binder's https
# proxy, so a journalist's embed works; JupyterLab's routes keep frame-ancestors 'self'.
hooks.apply_binder_patches()
