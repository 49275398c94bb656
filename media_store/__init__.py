"""Media (images, renditions, documents) in whatever storage the deployment names.

One instance keeps media on its disk; N instances share an S3-compatible bucket
(settings/deployment.py). Here: the bucket's storage with stable public URLs, and upload forms
that say so, as a form error, when the store does not answer.
"""
