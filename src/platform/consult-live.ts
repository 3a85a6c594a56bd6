// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { subscribeConsult } from './consult-live.h5';
