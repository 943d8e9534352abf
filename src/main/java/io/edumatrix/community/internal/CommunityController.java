package io.edumatrix.community.internal;

import io.edumatrix.community.internal.Views.BlocksView;
import io.edumatrix.community.internal.Views.MessageView;
import io.edumatrix.community.internal.Views.ReaderView;
import io.edumatrix.community.internal.Views.RoomView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Community rooms over HTTP. Every endpoint acts in the token's institution, as its member; the caller is the token's
 * account, so nobody posts, joins or leaves in another person's name.
 */
@RestController
@RequestMapping("/api/community")
class CommunityController {

    private final CommunityRoomService rooms;
    private final CommunityMessageService messages;
    private final MessageStreams streams;
    private final ChatReadingService reading;
    private final BlockService blocks;

    CommunityController(CommunityRoomService rooms, CommunityMessageService messages, MessageStreams streams,
            ChatReadingService reading, BlockService blocks) {
        this.rooms = rooms;
        this.messages = messages;
        this.streams = streams;
        this.reading = reading;
        this.blocks = blocks;
    }

    record ReadPosition(@NotNull UUID messageId) {}

    record CreateRoom(@NotNull @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name, @NotNull Room.Visibility visibility) {}

    /** {@code mentions}: account ids, members of the room; none when left out. */
    record Post(@NotBlank @Size(max = 10000) String body, @Size(max = 100) List<@NotNull UUID> mentions) {}

    record Edit(@NotNull Long version, @NotBlank @Size(max = 10000) String body) {}

    @PostMapping("/rooms")
    @Member
    ResponseEntity<RoomView> create(@Valid @RequestBody CreateRoom request) {
        var caller = Callers.require();
        var room = rooms.create(caller.institutionId().orElseThrow(), caller.accountId(), request.name().strip(),
                request.visibility());
        return ResponseEntity.created(URI.create("/api/community/rooms/" + room.id())).body(room);
    }

    @GetMapping("/rooms")
    @Member
    Page<RoomView> list(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return rooms.list(Callers.require().accountId(), after, limit);
    }

    @GetMapping("/rooms/{id}")
    @Member
    RoomView room(@PathVariable UUID id) {
        return rooms.get(id, Callers.require().accountId());
    }

    @PutMapping("/rooms/{id}/membership")
    @Member
    ResponseEntity<Void> join(@PathVariable UUID id) {
        rooms.join(id, Callers.require().accountId());
        return ResponseEntity.noContent().build();
    }

    /** The caller's streams of the room on this instance end with their membership; other instances end theirs at the next message. */
    @DeleteMapping("/rooms/{id}/membership")
    @Member
    ResponseEntity<Void> leave(@PathVariable UUID id) {
        var account = Callers.require().accountId();
        rooms.leave(id, account);
        streams.endFor(id, account);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/rooms/{id}/members/{accountId}")
    @Member
    ResponseEntity<Void> addMember(@PathVariable UUID id, @PathVariable UUID accountId) {
        rooms.add(id, Callers.require().accountId(), accountId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/rooms/{id}/messages")
    @Member
    ResponseEntity<MessageView> post(@PathVariable UUID id, @Valid @RequestBody Post request) {
        var message = messages.post(id, Callers.require().accountId(), request.body(),
                request.mentions() == null ? List.of() : request.mentions());
        return ResponseEntity.created(URI.create("/api/community/rooms/" + id + "/messages/" + message.id()))
                .body(message);
    }

    /** Newest first: {@code before} is the previous page's {@code next}, and the page holds older messages. */
    @GetMapping("/rooms/{id}/messages")
    @Member
    Page<MessageView> messages(@PathVariable UUID id, @RequestParam(required = false) UUID before,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return messages.list(id, Callers.require().accountId(), before, limit);
    }

    @PatchMapping("/rooms/{id}/messages/{messageId}")
    @Member
    MessageView edit(@PathVariable UUID id, @PathVariable UUID messageId, @Valid @RequestBody Edit request) {
        return messages.edit(id, messageId, Callers.require().accountId(), request.version(), request.body());
    }

    @DeleteMapping("/rooms/{id}/messages/{messageId}")
    @Member
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID messageId) {
        messages.delete(id, messageId, Callers.require().accountId());
        return ResponseEntity.noContent().build();
    }

    /** The caller has read the room up to the message: their position moves forward to it (never back). */
    @PutMapping("/rooms/{id}/read-position")
    @Member
    ResponseEntity<Void> markRead(@PathVariable UUID id, @Valid @RequestBody ReadPosition request) {
        reading.markReadUpTo(id, Callers.require().accountId(), request.messageId());
        return ResponseEntity.noContent().build();
    }

    /** The room's members who have read the message, earliest first (but those the caller blocked). */
    @GetMapping("/rooms/{id}/messages/{messageId}/readers")
    @Member
    List<ReaderView> readers(@PathVariable UUID id, @PathVariable UUID messageId) {
        return reading.readersOf(id, messageId, Callers.require().accountId());
    }

    /** The accounts the caller blocked in the token's institution. */
    @GetMapping("/blocks")
    @Member
    BlocksView blocks() {
        return new BlocksView(blocks.blockedBy(Callers.require().accountId()));
    }

    /** Hides the account's messages from the caller, and its mentions of the caller notify nothing. */
    @PutMapping("/blocks/{accountId}")
    @Member
    ResponseEntity<Void> block(@PathVariable UUID accountId) {
        var caller = Callers.require();
        blocks.block(caller.institutionId().orElseThrow(), caller.accountId(), accountId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/blocks/{accountId}")
    @Member
    ResponseEntity<Void> unblock(@PathVariable UUID accountId) {
        blocks.unblock(Callers.require().accountId(), accountId);
        return ResponseEntity.noContent().build();
    }

    /**
     * New messages of the room as server-sent events ({@code id:} the message's id, {@code data:} its JSON), for the
     * room's members. A client reconnecting with {@code Last-Event-ID} (or {@code ?after=}) first gets the messages
     * it missed, oldest first.
     */
    @GetMapping("/rooms/{id}/stream")
    @Member
    SseEmitter stream(@PathVariable UUID id, @RequestHeader(name = "Last-Event-ID", required = false) UUID lastEventId,
            @RequestParam(required = false) UUID after) {
        var caller = Callers.require();
        return streams.open(id, caller.institutionId().orElseThrow(), caller.accountId(),
                lastEventId != null ? lastEventId : after);
    }
}
