"""How the explorer app is served: its notebook and Voila settings, the guards and the launcher.

- `app/explorer.ipynb`, `app/voila.json`: the app notebook and its Voila settings (package data;
  `notebooks/explorer.ipynb` in a checkout is a link to the same file, for Binder's route).
- `share/jupyter/`: the offline `explorer` Voila template.
- `launch`: `explorer app` (stdlib only); `run`: Voila as `standalone.ExplorerVoila`.
- Guards, each on an upstream extension point: `connection` (kernel websockets: `wsguard`,
  `budget`), `kernels` (kernel manager: `tracker`, `pool`), `pages` (request handlers:
  `embedding`), `extension` (the Jupyter Server extension of the Binder/JupyterHub route);
  `patches` (the one replaced upstream function); `kernel_guards` (inside the app's kernel).

Nothing here is imported by the core (`import explorer` never loads Voila or the widgets).
"""
