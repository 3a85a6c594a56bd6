export default definePageConfig({ navigationBarTitleText: '图文咨询' });
