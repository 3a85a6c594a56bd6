import { Button } from '@tarojs/components';
import type { AvatarButtonProps } from './types';

export type { AvatarButtonProps } from './types';

/**
 * WeChat's own avatar picker (chooseAvatar): the user picks their WeChat avatar, a photo
 * or an album picture in WeChat's sheet, which handles its own permissions; we receive
 * only the chosen file.
 */
export function AvatarButton({ className, children, onPicked }: AvatarButtonProps) {
  return (
    <Button
      className={className}
      openType="chooseAvatar"
      onChooseAvatar={(e) => {
        const url = (e.detail as { avatarUrl?: unknown }).avatarUrl;
        if (typeof url === 'string' && url) onPicked(url);
      }}
    >
      {children}
    </Button>
  );
}
