using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.Notification;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.Notification.Features.AccountNotifications;
using OrderPlatform.Notification.Features.MarketplaceNotifications;
using OrderPlatform.Notification.Features.Newsletters;
using OrderPlatform.Notification.Features.OrderNotifications;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.RequireSettings(NotificationOptions.RequiredSettings);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(NotificationStorage.Configure);
builder.AddMessaging(bus =>
{
    bus.AddCustomerDirectory();
    bus.AddConsumer<OrderPlacedConsumer>();
    bus.AddConsumer<OrderConfirmedConsumer>();
    bus.AddConsumer<OrderCancelledConsumer>();
    bus.AddConsumer<PaymentEscalatedConsumer>();
    bus.AddConsumer<OrderModifiedConsumer>();
    bus.AddConsumer<OrderShippedConsumer>();
    bus.AddConsumer<InvoiceIssuedConsumer>();
    bus.AddConsumer<ParcelAvailableConsumer>();
    bus.AddConsumer<ParcelReturnedConsumer>();
    bus.AddConsumer<StockBackorderedConsumer>();
    bus.AddConsumer<ReturnAuthorisedConsumer>();
    bus.AddConsumer<ReturnInspectedConsumer>();
    bus.AddConsumer<ClaimSettledConsumer>();
    bus.AddConsumer<PaymentRefundedConsumer>();
    bus.AddConsumer<WelcomeEmailConsumer>();
    bus.AddConsumer<PasswordResetRequestedConsumer>();
    bus.AddConsumer<InStoreReservationConfirmedConsumer>();
    bus.AddConsumer<SellerContactConsumer>();
    bus.AddConsumer<ConversationMessageConsumer>();
    bus.AddConsumer<SellerLinesLateConsumer>();
    bus.AddConsumer<ReportChangedConsumer>();
});
builder.AddPlatformAuthentication();
// Read at start: a service without its key stops here, naming the setting, rather than failing a customer's reset later.
builder.Services.AddSingleton(new PasswordResetLinks(builder.Configuration));
builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notification"));
builder.Services.AddSingleton<IForgetCustomer, NotificationCustomerErasure>();
builder.Services.AddSingleton<SmtpMailer>();
builder.Services.AddHttpClient<SmsSender>();
builder.Services.AddHostedService<MessageDispatcher>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/notifications/ops");

app.MapGroup("/api/notifications").WithTags("Notifications").MapNotificationLog().MapNewsletters();

await app.RunOrMigrateAsync(args);
