"""The classroom: the exercise engine, the lessons' exercise data, the fact-check, the
teacher's pack and the lesson widgets the walkthrough notebooks use.

The modules here read the core (`explorer`) and never the other way round.
"""
