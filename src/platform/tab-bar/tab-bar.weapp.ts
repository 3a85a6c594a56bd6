/** WeChat draws its own tab bar: there is no link to quiet. */
export function quietTabBarLinks(): void {}
