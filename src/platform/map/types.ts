/** A place to show on a map; coordinates are WGS-84 as stored. */
export interface Place {
  lat: number;
  lng: number;
  name: string;
  address: string;
}
