export default definePageConfig({
  navigationBarTitleText: '医院',
  onReachBottomDistance: 100,
});
