import { useEffect, useState } from 'react';
import type { Doctor } from '../../../contract/catalog';
import { drawShareCard } from '../../platform/share-card';
import type { ShareCardInput } from '../../platform/share-card/layout';
import { formatPrice, formatRating } from '../../utils/format';

export function shareCardInput(doctor: Doctor): ShareCardInput {
  return {
    name: doctor.name,
    title: doctor.title,
    department: doctor.department,
    hospital: doctor.hospital.name,
    rating: formatRating(doctor.rating),
    price: formatPrice(doctor.consultPrice),
    synthetic: doctor.synthetic,
  };
}

/**
 * The doctor's share card image, drawn once the doctor has loaded: null until it is
 * ready, or for good when the platform has none or drawing failed.
 */
export function useShareCard(doctor: Doctor | null): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    setImage(null);
    if (!doctor) return undefined;
    let current = true;
    drawShareCard(shareCardInput(doctor)).then(
      (path) => {
        if (current) setImage(path);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [doctor]);
  return image;
}
