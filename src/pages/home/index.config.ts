export default definePageConfig({
  navigationBarTitleText: '上海助医',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
