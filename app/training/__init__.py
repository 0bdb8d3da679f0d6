"""Training in the app: pre-training and fine-tuning panels, the training worker, the run store.

Nothing here touches the model on the GUI thread: `jobs` runs on worker threads and returns values.
"""
