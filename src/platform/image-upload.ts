// Neutral default (jest's jsdom is a browser): the H5 adapter.
export { prepareImage } from './image-upload.h5';
