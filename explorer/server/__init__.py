"""How the explorer app is served: its notebook and Voila settings, safety patches and the launcher.

- `app/explorer.ipynb`, `app/voila.json`: the app notebook and its Voila settings (package data;
  `notebooks/explorer.ipynb` in a checkout is a link to the same file, for Binder's route).
- `share/jupyter/`: the offline `explorer` Voila template.
- `launch`: `explorer app` (stdlib only); `run`: Voila with the `hooks` applied.

Nothing here is imported by the core (`import explorer` never loads Voila or the widgets).
"""
