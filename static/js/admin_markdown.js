// Options for wagtail-markdown's editor (EasyMDE), read when each editor starts.
// Its spell checker downloads a dictionary from a CDN: this site makes no outside requests
// (and the admin's Content-Security-Policy would block it); the browser's own checker stays.
window.wagtailMarkdown = window.wagtailMarkdown || {};
window.wagtailMarkdown.options = Object.assign(window.wagtailMarkdown.options || {}, {
    spellChecker: false,
    nativeSpellcheck: true,
});
