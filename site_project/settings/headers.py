"""Security headers and the Content-Security-Policy (django-csp), for every environment."""
