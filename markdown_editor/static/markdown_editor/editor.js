// Options for wagtail-markdown's editor (EasyMDE), read when each editor starts.
// - No outside requests: the spell checker (a dictionary from a CDN) is off, the browser's own
//   checker stays; the toolbar's icons come from our static files (font-awesome-toolbar.css).
// - The preview is rendered by the site's own renderer (the 11ty dialect, {.class} and all)
//   through the admin's preview endpoint, not by EasyMDE's built-in Markdown library.
(function () {
    "use strict";
    const endpoint = document.currentScript.dataset.previewUrl;
    const pending = new WeakMap(); // preview element -> timer of its next render
    const latest = new WeakMap(); // preview element -> number of its latest request
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
        const number = (latest.get(preview) || 0) + 1;
        latest.set(preview, number);
        try {
            const response = await fetch(endpoint, {
                method: "POST",
                body: body,
                headers: csrf(),
                credentials: "same-origin",
                redirect: "manual", // signed out: the sign-in page must not become the preview
            });
            const answer = response.type === "opaqueredirect" ? "" : await response.text();
            if (latest.get(preview) !== number) {
                return; // a later render was asked for: an older answer must not replace it
            }
            const plain = (response.headers.get("Content-Type") || "").startsWith("text/plain");
            if (response.type === "opaqueredirect") {
                showError(preview, "Your session has ended: sign in again to see the preview.");
            } else if (response.ok) {
                preview.innerHTML = answer; // sanitised by the server (nh3)
            } else {
                showError(preview, plain ? answer : `The preview failed (${response.status}).`);
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
