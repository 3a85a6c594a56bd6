// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { ensure, openSettings } from './permissions.h5';
