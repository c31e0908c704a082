"""The editorial base every app builds on: Publishable records and who may see them
(:mod:`.models`, :mod:`.visibility`), the workflow actions that change them (:mod:`.workflow`),
concurrency, history, and the admin and API base classes.

It imports no app and names none: the records are found through the app registry.
"""
