// Options for wagtail-markdown's editor (EasyMDE), read when each editor starts.
// - No outside requests: the spell checker (a dictionary from a CDN) is off, the browser's own
//   checker stays; the toolbar's icons come from our static files (font-awesome-toolbar.css).
// - The preview is rendered by the site's own renderer (the 11ty dialect, {.class} and all)
//   through the admin's preview endpoint, not by EasyMDE's built-in Markdown library.
(function () {
    "use strict";
    const endpoint = document.currentScript.dataset.previewUrl;
    const pending = new WeakMap(); // preview element -> timer of its next render
    const DELAY_MS = 200;

    function csrf() {
        const config = document.getElementById("wagtail-config");
        const values = config ? JSON.parse(config.textContent) : {};
        return { [values.CSRF_HEADER_NAME || "X-CSRFToken"]: values.CSRF_TOKEN || "" };
    }

    function showError(preview, message) {
        const paragraph = document.createElement("p");
        paragraph.className = "markdown-preview-error";
        paragraph.textContent = message;
        preview.replaceChildren(paragraph);
    }

    async function render(text, preview) {
        const body = new URLSearchParams({ markdown: text });
        try {
            const response = await fetch(endpoint, {
                method: "POST",
                body: body,
                headers: csrf(),
                credentials: "same-origin",
            });
            const answer = await response.text();
            if (response.ok) {
                preview.innerHTML = answer; // sanitised by the server (nh3)
            } else {
                showError(preview, answer || `The preview failed (${response.status}).`);
            }
        } catch (error) {
            showError(preview, "The preview could not be reached.");
        }
    }

    function previewRender(text, preview) {
        clearTimeout(pending.get(preview));
        pending.set(preview, setTimeout(() => render(text, preview), DELAY_MS));
        // Shown until the answer comes: the last preview, or a note on the first.
        return preview.innerHTML || "<p>Rendering the preview…</p>";
    }

    window.wagtailMarkdown = window.wagtailMarkdown || {};
    window.wagtailMarkdown.options = Object.assign(window.wagtailMarkdown.options || {}, {
        spellChecker: false,
        nativeSpellcheck: true,
        previewRender: previewRender,
    });
})();
