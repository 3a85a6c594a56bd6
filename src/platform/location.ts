// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { locate } from './location.h5';
