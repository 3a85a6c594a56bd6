import { Button } from '@tarojs/components';
import type { AvatarButtonProps } from './types';

export type { AvatarButtonProps } from './types';

/**
 * The avatar's "change" button (CAM, ALB). In the browser (and jest) a plain button: the
 * page asks which source and goes through the permission and media helpers.
 */
export function AvatarButton({ className, children, onTap }: AvatarButtonProps) {
  return (
    <Button className={className} onClick={onTap}>
      {children}
    </Button>
  );
}
