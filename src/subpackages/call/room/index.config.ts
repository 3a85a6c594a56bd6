export default definePageConfig({ navigationBarTitleText: '视频咨询' });
