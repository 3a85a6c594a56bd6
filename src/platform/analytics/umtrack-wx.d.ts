// umtrack-wx ships no types; umeng.ts declares the part it uses (Uma).
declare module 'umtrack-wx';
