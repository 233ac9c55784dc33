package org.matac.notification.application;

import java.util.Map;

/** Posts a JSON body to a partner's endpoint and answers the HTTP status it returned. */
public interface WebhookGateway {

  int post(String url, Map<String, String> headers, String body) throws Exception;
}
