// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Jest does not read this file (jest.config.js configures babel-jest itself).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
