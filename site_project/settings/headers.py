"""Security headers and the Content-Security-Policy (django-csp), for every environment.

docs/security-headers.md explains each value. site_project.security_headers picks the admin
policy for the Wagtail admin and sets the headers Django has no setting for.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE

# The public site: nothing inline, nothing from another host. No nonces: pages are shared by
# the front cache, and a stored nonce would be everyone's. frame-ancestors 'none' (a
# preview's inner page is answered with 'self', see security_headers).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The Wagtail admin (/admin/): the public policy plus what Wagtail's screens were seen to need
# in Chromium (tests/browser/test_admin_csp.py), each for a reason in the docs.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    # Wagtail 8's form widgets start with inline <script>s (choosers, date pickers, inline
    # panels): no nonce or hash can name them without naming an injected script too.
    "script-src": [SELF, UNSAFE_INLINE],
    # The image uploader shows each chosen file from a blob: URL before it is sent.
    "img-src": [SELF, "blob:"],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing is framed but Wagtail's previews, whose views say SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
# Only this site may embed its pages, files and images.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Browser features the site never uses, refused to it and to anything it would embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

# The admin asks no other host for anything: no Gravatar avatars (the initials are shown),
# no check for new Wagtail releases from the editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# EasyMDE would fetch Font Awesome from a CDN: its toolbar icons are served from our static
# files instead (markdown_editor/static/markdown_editor/font-awesome/).
WAGTAILMARKDOWN = {"autodownload_fontawesome": False}
