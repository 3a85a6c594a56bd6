// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { CAN_OPEN_SETTINGS, check, ensure, openSettings } from './permissions.h5';
