// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { readDevice } from './device.h5';
