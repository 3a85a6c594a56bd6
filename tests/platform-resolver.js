/**
 * jest's resolver, plus one rule: src/platform/<cap>/index.ts imports './<cap>', which Taro
 * resolves to the .weapp or .h5 twin by file name. jsdom is a browser, so where nothing else
 * matches, the .h5 twin. A neutral file (e.g. services/transport.ts) still wins where it exists.
 */
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (error) {
    if (request.startsWith('.') && /[\\/]src[\\/]platform[\\/]/.test(options.basedir)) {
      return options.defaultResolver(`${request}.h5`, options);
    }
    throw error;
  }
};
