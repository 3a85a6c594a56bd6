import { BOOKING_PAGES, appointmentPage } from '../../../../contract/booking/items';

/** The booking subpackage's page urls (contract/booking/items.ts names the paths). */
export const bookingUrls = {
  schedule: (doctorId: string) =>
    `/${BOOKING_PAGES.schedule}?doctorId=${encodeURIComponent(doctorId)}`,
  confirm: (doctorId: string, slotId: string) =>
    `/${BOOKING_PAGES.confirm}?doctorId=${encodeURIComponent(doctorId)}&slotId=${encodeURIComponent(slotId)}`,
  result: (id: string) => `/${BOOKING_PAGES.result}?id=${encodeURIComponent(id)}`,
  list: `/${BOOKING_PAGES.list}`,
  detail: (id: string) => `/${appointmentPage(id)}`,
};
