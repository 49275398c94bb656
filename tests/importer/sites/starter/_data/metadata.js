module.exports = { title: "Computed at build time" };
