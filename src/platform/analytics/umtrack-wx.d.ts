// umtrack-wx ships no types; analytics-umeng.ts declares the part it uses (Uma).
declare module 'umtrack-wx';
