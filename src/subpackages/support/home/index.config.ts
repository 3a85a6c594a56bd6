export default definePageConfig({
  navigationBarTitleText: '客服与反馈',
});
