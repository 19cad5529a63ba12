package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.DomainEvent;
import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.bus.EventKind;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.config.BridgeConfig;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * POST /notifications and /messages: the bus contract's document and rules over HTTP, the routing
 * key in the document or the query. Published onto the event's topic (every node emits it), 202.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    private BridgeConfig config;

    @Inject
    private Publisher publisher;

    @POST
    @Path("notifications")
    public Response notification(@QueryParam("userId") String userId, InputStream body) {
        return publish(EventKind.NOTIFICATION, userId, body);
    }

    @POST
    @Path("messages")
    public Response message(@QueryParam("conversationId") String conversationId, InputStream body) {
        return publish(EventKind.MESSAGE, conversationId, body);
    }

    private Response publish(EventKind kind, String queryKey, InputStream in) {
        String body = Bodies.read(in, config.maxEventBytes());
        DomainEvent event;
        try {
            event = EventDecoder.decode(kind, body, queryKey);
        } catch (PoisonEventException e) {
            throw new WebApplicationException(Problem.badRequest(Bodies.field(e.reason(), kind.routingKey()), e.reason()));
        }
        String id = publisher.publish(kind, event.routingKey(), event.documentJson());
        return Response.accepted(Json.createObjectBuilder().add("id", id).add(kind.routingKey(), event.routingKey())
                .build().toString()).build();
    }
}
