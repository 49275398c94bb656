module.exports = { eleventyComputed: { author: (data) => data.site.owner } };
