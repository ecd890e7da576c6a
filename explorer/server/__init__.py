"""How the explorer app is served: Voila configuration, safety patches and the launcher.

Nothing here is imported by the core; the app's server loads it from `voila_config.py`.
"""
