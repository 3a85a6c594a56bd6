/** tls-sig-api-v2 1.0.2 ships no types: the calls we use (checked in its TLSSigAPIv2.js). */
declare module 'tls-sig-api-v2/TLSSigAPIv2' {
  export class Api {
    constructor(sdkAppId: number, key: string);
    genUserSig(userId: string, expire: number): string;
    genSig(userId: string, expire: number, userBuf: Buffer | null): string;
    genPrivateMapKey(userId: string, expire: number, roomId: number, privilegeMap: number): string;
    genPrivateMapKeyWithStringRoomID(
      userId: string,
      expire: number,
      roomStr: string,
      privilegeMap: number,
    ): string;
  }
}
