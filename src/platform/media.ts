// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { pickImages, saveImage } from './media.h5';
