"""API: FastAPI app + web page over the store.   ``create_app(db_path)``"""

from newsfuse.api.app import create_app

__all__ = ["create_app"]
