// Stylesheets are irrelevant to behaviour in jsdom.
module.exports = {};
