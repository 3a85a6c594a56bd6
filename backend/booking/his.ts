import { HisError } from '../adapters/booking/his-http';
import { bookingError } from './errors';

/** A HIS that does not answer is the hospital's outage, told as such (not INTERNAL with no reason). */
export async function hisCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof HisError) throw bookingError('INTERNAL', 'his_unavailable');
    throw err;
  }
}
